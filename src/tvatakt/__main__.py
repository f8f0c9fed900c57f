from tvatakt.cli import main

main()
