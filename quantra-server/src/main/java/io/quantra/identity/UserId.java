package io.quantra.identity;

/**
 * Identifies a user account; other modules refer to users by this id only.
 */
public record UserId(long value) {

}
