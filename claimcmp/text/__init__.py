"""Input: reading articles (files, folders, stdin, JSON records), decoding their bytes, and the metadata their text gives (title, source, author, publication date)."""
