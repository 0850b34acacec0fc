from claimcmp.cli.main import run

run()
