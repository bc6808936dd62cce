package io.quantra.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code credentials} file in the CLI's configuration folder: JSON with the current
 * server and a profile per server. It is created with mode 0600 (in a 0700 folder) before
 * anything is written to it, and replaced atomically, so it is never readable by others,
 * not even for a moment.
 */
final class CredentialStore {

	static final String FILE_NAME = "credentials";

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final Path file;

	private final JsonMapper json;

	CredentialStore(Path folder, JsonMapper json) {
		this.file = folder.resolve(FILE_NAME);
		this.json = json;
	}

	Path file() {
		return this.file;
	}

	/** The saved credentials; empty when there is no file yet. */
	Credentials load() {
		if (!Files.exists(this.file)) {
			return new Credentials(null, new LinkedHashMap<>());
		}
		JsonNode root;
		try {
			root = this.json.readTree(Files.readString(this.file, StandardCharsets.UTF_8));
		}
		catch (IOException | JacksonException ex) {
			throw new CliException(ExitCodes.USAGE, "Cannot read " + this.file + " (" + ex.getClass().getSimpleName()
					+ "); remove it and log in again.");
		}
		Map<String, ServerProfile> servers = new LinkedHashMap<>();
		root.path("servers").properties().forEach((entry) -> {
			JsonNode s = entry.getValue();
			servers.put(entry.getKey(), new ServerProfile(entry.getKey(), text(s, "email"), text(s, "token"),
					s.path("token_id").isNumber() ? s.path("token_id").asLong() : null, text(s, "token_expires_at"),
					text(s, "refresh_token"), s.path("insecure").asBoolean(false), text(s, "ca_cert")));
		});
		return new Credentials(text(root, "current"), servers);
	}

	void save(Credentials credentials) {
		ObjectNode root = this.json.createObjectNode();
		root.put("current", credentials.current());
		ObjectNode servers = root.putObject("servers");
		credentials.servers().forEach((url, profile) -> {
			ObjectNode s = servers.putObject(url);
			s.put("email", profile.email());
			s.put("token", profile.token());
			if (profile.tokenId() != null) {
				s.put("token_id", profile.tokenId());
			}
			s.put("token_expires_at", profile.tokenExpiresAt());
			s.put("refresh_token", profile.refreshToken());
			s.put("insecure", profile.insecure());
			s.put("ca_cert", profile.caCert());
		});
		write(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
	}

	private void write(String content) {
		Path folder = this.file.toAbsolutePath().getParent();
		Path temporary = folder.resolve("." + FILE_NAME + "-" + UUID.randomUUID());
		try {
			if (!Files.isDirectory(folder)) {
				if (POSIX) {
					Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
				}
				else {
					Files.createDirectories(folder);
				}
			}
			// created 0600 before a byte is written, then moved over the old file
			if (POSIX) {
				Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
			}
			else {
				Files.createFile(temporary);
			}
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new CliException(ExitCodes.INTERNAL, "Cannot write " + this.file + ": " + ex.getMessage(), ex);
		}
		finally {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException ex) {
				// nothing was left behind worth failing for
			}
		}
	}

	/**
	 * Whether others may read the file: then the tokens in it may have leaked, and the
	 * user is told to check.
	 */
	boolean readableByOthers() {
		if (!POSIX || !Files.exists(this.file)) {
			return false;
		}
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(this.file);
			return permissions.contains(PosixFilePermission.GROUP_READ)
					|| permissions.contains(PosixFilePermission.OTHERS_READ);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

	/**
	 * The whole file: the server commands go to by default, and a profile per server.
	 */
	record Credentials(String current, Map<String, ServerProfile> servers) {

		Credentials with(ServerProfile profile, boolean makeCurrent) {
			Map<String, ServerProfile> updated = new LinkedHashMap<>(this.servers);
			updated.put(profile.url(), profile);
			return new Credentials(makeCurrent ? profile.url() : this.current, updated);
		}

	}

}
