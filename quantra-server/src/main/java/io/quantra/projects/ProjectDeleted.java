package io.quantra.projects;

/**
 * A project and everything in it is being deleted; modules holding data of the project
 * remove theirs in the same transaction.
 */
public record ProjectDeleted(long projectId) {

}
