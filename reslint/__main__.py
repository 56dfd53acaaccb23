from reslint.cli import run

run()
