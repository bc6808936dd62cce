package io.quantra.triggers;

import java.time.Clock;
import java.time.Instant;

import io.quantra.platform.ApiException;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.projects.ProjectAccess;
import io.quantra.projects.Role;
import io.quantra.runs.Runs;
import io.quantra.runs.Runs.StartedRun;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seed 004's webhook trigger: starts a run of a project's pipeline for a caller with the
 * runner role, or for a request signed with one of the project's trigger secrets.
 */
@Service
class RunTrigger {

	static final String TRIGGER = "webhook";

	private final Runs runs;

	private final ProjectAccess access;

	private final TriggerSecretManagement secrets;

	private final TriggerSettings settings;

	private final Clock clock;

	RunTrigger(Runs runs, ProjectAccess access, TriggerSecretManagement secrets, TriggerSettings settings,
			Clock clock) {
		this.runs = runs;
		this.access = access;
		this.secrets = secrets;
		this.settings = settings;
		this.clock = clock;
	}

	/** A signed-in caller (any credential) with the runner role or above. */
	StartedRun start(CurrentUser caller, TriggerRequest request) {
		long projectId = request.target();
		this.access.require(caller, projectId, Role.RUNNER);
		return this.runs.start(projectId, caller.userId(), TRIGGER, request.runInputs(), request.correlationId());
	}

	/**
	 * A request without a credential, signed over its raw body. The signature is used up
	 * only if the run starts.
	 * @throws ApiException 401 when the signature is malformed, stale or wrong, 409 when
	 * it was accepted before
	 */
	@Transactional
	StartedRun start(TriggerRequest request, String timestamp, String signature, byte[] body) {
		long projectId = request.target();
		TriggerSignature signed = TriggerSignature.parse(timestamp, signature);
		Instant now = this.clock.instant();
		if (!signed.freshAt(now, this.settings.signatureTolerance())) {
			throw new ApiException(ErrorCode.UNAUTHORIZED,
					TriggerSignature.TIMESTAMP_HEADER + " is more than "
							+ this.settings.signatureTolerance().toSeconds()
							+ " seconds from the server's time; sign each request with the current time.");
		}
		this.secrets.accept(projectId, signed, body, signed.staleAfter(this.settings.signatureTolerance()));
		return this.runs.start(projectId, null, TRIGGER, request.runInputs(), request.correlationId());
	}

}
