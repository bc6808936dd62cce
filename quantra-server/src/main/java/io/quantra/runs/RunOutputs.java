package io.quantra.runs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.quantra.platform.BlobStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Where node outputs are kept: in the run's row when small, in the blob store (under the
 * project, so deleting the project removes them) when larger than
 * {@code quantra.runs.max-inline-output} (1 MB), with only a reference in the row.
 */
@Component
class RunOutputs {

	static final String REFERENCE = "$blob";

	private final BlobStore blobs;

	private final JsonMapper json;

	private final long maxInline;

	RunOutputs(BlobStore blobs, JsonMapper json, @Value("${quantra.runs.max-inline-output:1MB}") DataSize maxInline) {
		this.blobs = blobs;
		this.json = json;
		this.maxInline = maxInline.toBytes();
	}

	/** Where the outputs of a run are kept in the blob store. */
	static String prefix(long projectId, long runPk) {
		return "projects/" + projectId + "/runs/" + runPk;
	}

	/** What to put in the node's row for this output. */
	String store(long projectId, long runPk, String nodeKey, String output) {
		byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= this.maxInline) {
			return output;
		}
		String key = prefix(projectId, runPk) + "/" + nodeKey + ".json";
		try {
			BlobStore.Blob blob = this.blobs.put(key, new ByteArrayInputStream(bytes));
			ObjectNode reference = this.json.createObjectNode();
			reference.put(REFERENCE, blob.key());
			reference.put("size", blob.size());
			reference.put("sha256", blob.sha256());
			return this.json.writeValueAsString(reference);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store the output of " + nodeKey, ex);
		}
	}

	/**
	 * The output a row holds, fetched from the blob store when the row only references
	 * it.
	 */
	String load(String stored) {
		if (stored == null || !stored.startsWith("{\"" + REFERENCE + "\"")) {
			return stored;
		}
		JsonNode reference = this.json.readTree(stored);
		String key = reference.path(REFERENCE).asString();
		try (InputStream in = this.blobs.open(key)
			.orElseThrow(() -> new IllegalStateException("The stored output " + key + " is missing"))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the stored output " + key, ex);
		}
	}

}
