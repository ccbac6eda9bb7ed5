package dev.switchboard.security;

/**
 * Sessions ended before their time: an account was deleted (all its sessions) or someone logged
 * out. Whatever serves a session for long, such as a live stream, checks its session again at once.
 *
 * @param account whose sessions ended
 */
public record SessionsEnded(String account) {
}
