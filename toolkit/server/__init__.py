"""The warm compile server: a tiny client (client.py) and the server that forks per request (daemon.py)."""
