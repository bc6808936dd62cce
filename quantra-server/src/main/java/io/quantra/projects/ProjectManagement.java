package io.quantra.projects;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.identity.Accounts;
import io.quantra.identity.Accounts.Account;
import io.quantra.platform.ApiException;
import io.quantra.platform.BlobStore;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.PageRequest;
import io.quantra.projects.ProjectRepository.Member;
import io.quantra.projects.ProjectRepository.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rules of projects and membership: who may create, change, share and delete a
 * project, and how roles move. The owner is always exactly one member and changes only by
 * transfer.
 */
@Service
class ProjectManagement {

	private static final Logger log = LoggerFactory.getLogger(ProjectManagement.class);

	static final int MAX_NAME = 200;

	static final int MAX_DESCRIPTION = 2000;

	private final ProjectRepository projects;

	private final ProjectAccess access;

	private final Accounts accounts;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final BlobStore blobs;

	ProjectManagement(ProjectRepository projects, ProjectAccess access, Accounts accounts, AuditLog audit,
			ApplicationEventPublisher events, BlobStore blobs) {
		this.projects = projects;
		this.access = access;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.blobs = blobs;
	}

	@Transactional
	Project create(CurrentUser caller, String name, String description, ClientInfo client) {
		long id = this.projects.insert(name(name), description(description), caller.userId());
		this.audit.record(AuditEvent.by(caller, "project_created", "project", id, client, Map.of()));
		return this.projects.find(id).orElseThrow();
	}

	Page list(CurrentUser caller, PageRequest page) {
		Long user = caller.staff() ? null : caller.userId();
		return new Page(this.projects.findVisible(user, page.limit(), page.offset()), this.projects.countVisible(user));
	}

	Project get(CurrentUser caller, long id) {
		this.access.require(caller, id, Role.VIEWER);
		return this.projects.find(id).orElseThrow(() -> ProjectAuthorization.notFound(id));
	}

	/** The caller's role as shown to them: their membership, or {@code staff}. */
	String roleShown(CurrentUser caller, long id) {
		return this.projects.roleOf(id, caller.userId()).map(Role::value).orElse(caller.staff() ? "staff" : null);
	}

	@Transactional
	Project update(CurrentUser caller, long id, String name, String description, ClientInfo client) {
		this.access.require(caller, id, Role.EDITOR);
		Project current = this.projects.find(id).orElseThrow(() -> ProjectAuthorization.notFound(id));
		this.projects.update(id, (name != null) ? name(name) : current.name(),
				(description != null) ? description(description) : current.description());
		this.audit.record(AuditEvent.by(caller, "project_updated", "project", id, client, Map.of()));
		return this.projects.find(id).orElseThrow();
	}

	/**
	 * Deletes the project with its canvas, runs and files; irreversible. Modules holding
	 * project data remove theirs on {@link ProjectDeleted} within this transaction.
	 */
	@Transactional
	void delete(CurrentUser caller, long id, ClientInfo client) {
		this.access.require(caller, id, Role.EDITOR);
		this.projects.lock(id);
		this.events.publishEvent(new ProjectDeleted(id));
		this.projects.delete(id);
		// files go once the rows are gone for good; a rollback keeps both
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deleteFiles(id);
			}
		});
		this.audit.record(AuditEvent.by(caller, "project_deleted", "project", id, client, Map.of()));
	}

	private void deleteFiles(long id) {
		try {
			this.blobs.deleteAll("projects/" + id);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The files of deleted project {} could not all be removed: {}", id, ex.getClass().getSimpleName());
		}
	}

	List<Member> members(CurrentUser caller, long id) {
		this.access.require(caller, id, Role.VIEWER);
		return this.projects.members(id);
	}

	/**
	 * Gives an account a role on the project (or changes it). Admins grant up to admin;
	 * only the owner transfers ownership, becoming an admin.
	 */
	@Transactional
	Member setRole(CurrentUser caller, long id, long userId, Role role, ClientInfo client) {
		Role mine = this.access.require(caller, id, Role.ADMIN);
		this.projects.lock(id);
		Role current = this.projects.roleOf(id, userId).orElse(null);
		if (current == Role.OWNER) {
			throw ApiException.conflict("The owner's role changes only by transferring ownership to another member.");
		}
		if (role == Role.OWNER) {
			if (mine != Role.OWNER) {
				throw ApiException.permissionDenied("Only the owner can transfer ownership.");
			}
			if (current == null) {
				throw ApiException.conflict("Ownership can only go to an existing member; share the project first.");
			}
			Member owner = this.projects.members(id)
				.stream()
				.filter((m) -> m.role() == Role.OWNER)
				.findFirst()
				.orElseThrow();
			this.projects.upsertMember(id, owner.userId(), Role.ADMIN);
			this.projects.upsertMember(id, userId, Role.OWNER);
			this.audit.record(AuditEvent.by(caller, "ownership_transferred", "project", id, client,
					Map.of("from_user_id", owner.userId(), "to_user_id", userId)));
		}
		else {
			this.projects.upsertMember(id, userId, role);
			this.audit.record(AuditEvent.by(caller, (current == null) ? "project_shared" : "member_role_changed",
					"project", id, client, Map.of("user_id", userId, "role", role.value())));
		}
		return this.projects.members(id).stream().filter((m) -> m.userId() == userId).findFirst().orElseThrow();
	}

	/** Shares the project with the account of {@code email}. */
	@Transactional
	Member share(CurrentUser caller, long id, String email, Role role, ClientInfo client) {
		this.access.require(caller, id, Role.ADMIN);
		if (role == Role.OWNER) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "Sharing grants read, execute or write.");
		}
		Account account = this.accounts.findActiveByEmail(email)
			.orElseThrow(() -> ApiException.notFound("No active account with this e-mail address."));
		return setRole(caller, id, account.id(), role, client);
	}

	/**
	 * Removes a member; admins remove others, anyone may leave, nobody removes the owner.
	 */
	@Transactional
	void remove(CurrentUser caller, long id, long userId, ClientInfo client) {
		boolean leaving = userId == caller.userId();
		this.access.require(caller, id, leaving ? Role.VIEWER : Role.ADMIN);
		this.projects.lock(id);
		Role current = this.projects.roleOf(id, userId)
			.orElseThrow(() -> ApiException.notFound("User " + userId + " is not a member of project " + id + "."));
		if (current == Role.OWNER) {
			throw ApiException.conflict("The owner cannot be removed; transfer ownership first.");
		}
		this.projects.removeMember(id, userId);
		this.audit.record(AuditEvent.by(caller, "member_removed", "project", id, client, Map.of("user_id", userId)));
	}

	/** The accounts behind the given projects' owners and the given members. */
	Map<Long, Account> accounts(List<Project> projects, List<Member> members) {
		Set<Long> ids = new HashSet<>();
		projects.forEach((p) -> ids.add(p.ownerId()));
		members.forEach((m) -> ids.add(m.userId()));
		return new LinkedHashMap<>(this.accounts.findAll(new ArrayList<>(ids)));
	}

	private static String name(String name) {
		String value = (name != null) ? name.trim() : "";
		if (value.isEmpty() || value.length() > MAX_NAME) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					"name is required and must be 1 to " + MAX_NAME + " characters.");
		}
		return value;
	}

	private static String description(String description) {
		String value = (description != null) ? description.trim() : "";
		if (value.length() > MAX_DESCRIPTION) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					"description must be at most " + MAX_DESCRIPTION + " characters.");
		}
		return value;
	}

	record Page(List<Project> projects, long total) {
	}

}
