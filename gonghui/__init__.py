"""Gonghui (工会): the working platform of a county federation of trade unions."""
