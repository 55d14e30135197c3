"""Running the bot for real: start-up checks, the preflight, stopping."""
