"""The honour roll page (光荣榜): commendations, nominations and the poster."""
