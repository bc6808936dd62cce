package io.quantra.admin;

/**
 * Records who did what. Every module reports its security-relevant changes here.
 */
public interface AuditLog {

	void record(AuditEvent event);

}
