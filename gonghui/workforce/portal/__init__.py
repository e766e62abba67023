"""The worker's own honours and studio in the portal (/m/workforce/)."""
