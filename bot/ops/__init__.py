"""Running the bot for real: backups and restore, health, what an operator runs."""
