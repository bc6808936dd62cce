package io.quantra.triggers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.SecretBox;
import io.quantra.projects.ProjectAccess;
import io.quantra.projects.ProjectDeleted;
import io.quantra.projects.Role;
import io.quantra.triggers.TriggerSecretRepository.StoredSecret;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's trigger secrets: {@code qtrg_} and 32 random bytes in hex, shown once when
 * created, kept sealed by the {@link SecretBox} because verifying a signature needs the
 * secret itself. Project admins create, list and delete them; a deleted secret verifies
 * nothing from then on.
 */
@Service
class TriggerSecretManagement {

	static final String PREFIX = "qtrg_";

	static final int MAX_NAME = 200;

	/** Enough to rotate through; each one costs an HMAC per signed request. */
	static final int MAX_PER_PROJECT = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TriggerSecretRepository secrets;

	private final ProjectAccess access;

	private final SecretBox box;

	private final AuditLog audit;

	private final Clock clock;

	TriggerSecretManagement(TriggerSecretRepository secrets, ProjectAccess access, SecretBox box, AuditLog audit,
			Clock clock) {
		this.secrets = secrets;
		this.access = access;
		this.box = box;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	CreatedSecret create(CurrentUser caller, long projectId, String name, ClientInfo client) {
		this.access.require(caller, projectId, Role.ADMIN);
		if (name == null || name.isBlank() || name.trim().length() > MAX_NAME) {
			throw InvalidRequest.field("name", "is required and must be at most " + MAX_NAME + " characters");
		}
		if (this.secrets.count(projectId) >= MAX_PER_PROJECT) {
			throw ApiException.conflict("Project " + projectId + " already has " + MAX_PER_PROJECT
					+ " trigger secrets; delete one you no longer use first.");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + HexFormat.of().formatHex(random);
		long id = this.secrets.insert(projectId, name.trim(), this.box.seal(secret),
				secret.substring(0, PREFIX.length() + 4), caller.userId(), this.clock.instant());
		this.audit.record(AuditEvent.by(caller, "trigger_secret_created", "trigger_secret", id, client,
				Map.of("project_id", projectId, "name", name.trim())));
		return new CreatedSecret(this.secrets.find(projectId, id).orElseThrow(), secret);
	}

	List<StoredSecret> list(CurrentUser caller, long projectId) {
		this.access.require(caller, projectId, Role.ADMIN);
		return this.secrets.findAll(projectId);
	}

	@Transactional
	void delete(CurrentUser caller, long projectId, long secretId, ClientInfo client) {
		this.access.require(caller, projectId, Role.ADMIN);
		if (!this.secrets.delete(projectId, secretId)) {
			throw ApiException.notFound("No trigger secret " + secretId + " in project " + projectId + ".");
		}
		this.audit.record(AuditEvent.by(caller, "trigger_secret_deleted", "trigger_secret", secretId, client,
				Map.of("project_id", projectId)));
	}

	/**
	 * Accepts a signed request once: the signature must verify with one of the project's
	 * secrets and must not have been accepted before. Call within the transaction that
	 * starts the run, so a run that cannot start leaves the request usable for a retry.
	 * @throws ApiException 401 when it does not verify, 409 when it was accepted before
	 */
	void accept(long projectId, TriggerSignature signature, byte[] body, Instant staleAfter) {
		Optional<StoredSecret> verified = this.secrets.findAll(projectId)
			.stream()
			.filter((secret) -> signature.signedWith(this.box.open(secret.sealed()), body))
			.findFirst();
		if (verified.isEmpty()) {
			throw new ApiException(ErrorCode.UNAUTHORIZED, "The request signature could not be verified.");
		}
		Instant now = this.clock.instant();
		this.secrets.forgetStale(now);
		if (!this.secrets.remember(signature.hex(), staleAfter)) {
			throw ApiException.conflict("This signed request was accepted before; sign each request anew, "
					+ "with the current time in " + TriggerSignature.TIMESTAMP_HEADER + ".");
		}
		this.secrets.touch(verified.get().id(), now);
	}

	/** A deleted project takes its trigger secrets with it, in the same transaction. */
	@EventListener
	void on(ProjectDeleted event) {
		this.secrets.deleteAll(event.projectId());
	}

	/** A new secret and its one-time plain value. */
	record CreatedSecret(StoredSecret stored, String secret) {
	}

}
