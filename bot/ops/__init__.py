"""Running the bot for real: start-up checks, the preflight, stopping, backups and
restore, health: what an operator runs."""
