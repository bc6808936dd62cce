package io.quantra.plugins.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Part;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import io.quantra.identity.TestAccounts;
import io.quantra.platform.ApiException;
import io.quantra.platform.DataDirectory;
import io.quantra.plugins.NodeFiles;
import io.quantra.plugins.NodeFiles.StoredFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.quantra.Pause.pause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents of file_upload nodes over real HTTP: uploads checked by role, name, content
 * and size; files given to a run; and server folders read through source_path, only below
 * the folder this server allows.
 */
@OnH2
class FileUploadIntegrationTests {

	private static final byte[] PDF = newPdf();

	private static final Path SOURCES = sources();

	@DynamicPropertySource
	static void sourceRoots(DynamicPropertyRegistry properties) {
		properties.add("quantra.files.source-roots", () -> SOURCES.resolve("root").toString());
		properties.add("quantra.files.max-upload-size", () -> "3MB");
		properties.add("quantra.files.max-request-size", () -> "5MB");
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	NodeFiles nodeFiles;

	@Autowired
	DataDirectory dataDirectory;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	String[] owner;

	long project;

	@BeforeEach
	void createProject() {
		this.http = HttpTestClient.local(this.port);
		this.owner = TestAccounts.signIn(this.http, this.accounts.user("uploader"));
		this.project = createProject(this.owner);
	}

	@Test
	void uploadedDocumentsAreListedAndDeleted() {
		long node = node("{}");
		Response uploaded = upload(node, this.owner, new Part("file", "report.pdf", pdf()),
				new Part("file", "letter.docx", docx()));
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		JsonNode files = uploaded.json().get("files");
		assertThat(files.size()).isEqualTo(2);
		assertThat(files.get(0).get("media_type").asString()).isEqualTo("application/pdf");
		assertThat(files.get(1).get("media_type").asString())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

		JsonNode listed = this.http.get(files(node), this.owner).json().get("files");
		assertThat(listed.size()).isEqualTo(2);
		JsonNode first = listed.get(0);
		assertThat(first.get("filename").asString()).isEqualTo("report.pdf");
		assertThat(first.get("file_id").asString()).matches("[0-9a-f-]{36}");
		assertThat(first.get("size").asLong()).isEqualTo(pdf().length);
		assertThat(first.get("sha256").asString()).matches("[0-9a-f]{64}");
		assertThat(first.get("created_at").asString()).isNotBlank();

		String fileId = first.get("file_id").asString();
		assertThat(this.http.send("DELETE", files(node) + "/" + fileId, "", this.owner).status()).isEqualTo(204);
		assertThat(this.http.get(files(node), this.owner).json().get("files").size()).isEqualTo(1);
		assertThat(this.http.send("DELETE", files(node) + "/" + fileId, "", this.owner).status()).isEqualTo(404);
		assertThat(blobsOf(node)).hasSize(1);

		JsonNode paths = this.http.get("/openapi.json", this.owner).json().get("paths");
		assertThat(paths.get("/projects/{id}/nodes/{nodeId}/files").get("post").get("summary").asString())
			.contains("Upload");
		assertThat(paths.get("/projects/{id}/nodes/{nodeId}/files/{fileId}").has("delete")).isTrue();
	}

	@Test
	void onlyEditorsUploadAndOutsidersSeeNothing() {
		long node = node("{}");
		String fileId = upload(node, this.owner, new Part("file", "a.pdf", pdf())).json()
			.get("files")
			.get(0)
			.get("file_id")
			.asString();
		String viewerEmail = this.accounts.user("reader");
		this.http.postJson("/projects/" + this.project + "/share",
				"{\"email\": \"" + viewerEmail + "\", \"permission_level\": \"read\"}", this.owner);
		String[] viewer = TestAccounts.signIn(this.http, viewerEmail);
		assertThat(this.http.get(files(node), viewer).status()).isEqualTo(200);
		Response refused = upload(node, viewer, new Part("file", "b.pdf", pdf()));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("code").asString()).isEqualTo("PERMISSION_DENIED");
		assertThat(this.http.send("DELETE", files(node) + "/" + fileId, "", viewer).status()).isEqualTo(403);

		String[] outsider = TestAccounts.signIn(this.http, this.accounts.user("outsider"));
		assertThat(this.http.get(files(node), outsider).status()).isEqualTo(404);
		assertThat(upload(node, outsider, new Part("file", "c.pdf", pdf())).status()).isEqualTo(404);

		// the outsider's own project cannot reach the file through its own node
		long otherProject = createProject(outsider);
		long otherNode = node(otherProject, outsider, "file_upload", "datasource", "{}");
		assertThat(this.http
			.send("DELETE", "/projects/" + otherProject + "/nodes/" + otherNode + "/files/" + fileId, "", outsider)
			.status()).isEqualTo(404);
		assertThat(this.http.get("/projects/" + this.project + "/nodes/" + otherNode + "/files", this.owner).status())
			.isEqualTo(404);
		assertThat(this.nodeFiles.find(otherProject, fileId)).isEmpty();
		assertThat(this.http.get(files(node), this.owner).json().get("files").size()).isEqualTo(1);

		long template = node(this.project, this.owner, "text_template", "tool", "{\"template\": \"x\"}");
		Response wrongNode = this.http.get("/projects/" + this.project + "/nodes/" + template + "/files", this.owner);
		assertThat(wrongNode.status()).isEqualTo(400);
		assertThat(wrongNode.json().get("error").asString()).contains("file_upload");
	}

	@Test
	void contentMustBeWhatItsExtensionClaims() {
		long node = node("{\"accepted_types\": [\".pdf\", \".docx\", \".txt\"]}");
		Response fake = upload(node, this.owner, new Part("file", "fake.pdf", "not a pdf at all".getBytes()));
		assertThat(fake.status()).as(fake.toString()).isEqualTo(415);
		assertThat(fake.json().get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		assertThat(fake.header("Content-Type")).startsWith("application/problem+json");

		Response zip = upload(node, this.owner, new Part("file", "fake.docx", zip()));
		assertThat(zip.status()).isEqualTo(415);
		Response binaryText = upload(node, this.owner, new Part("file", "notes.txt", new byte[] { 1, 0, 2, 0, 3 }));
		assertThat(binaryText.status()).isEqualTo(415);
		Response notAccepted = upload(node, this.owner, new Part("file", "photo.png", png()));
		assertThat(notAccepted.status()).isEqualTo(415);
		assertThat(notAccepted.json().get("error").asString()).contains("accepted_types");
		// one refused file refuses the request: the good one before it is not kept
		Response mixed = upload(node, this.owner, new Part("file", "good.pdf", pdf()),
				new Part("file", "bad.pdf", "nope".getBytes()));
		assertThat(mixed.status()).isEqualTo(415);
		assertThat(this.http.get(files(node), this.owner).json().get("files").size()).isZero();
		assertThat(blobsOf(node)).isEmpty();

		Response text = upload(node, this.owner, new Part("file", "notes.txt", "Grüße, world\n".getBytes()));
		assertThat(text.status()).isEqualTo(201);
		assertThat(text.json().get("files").get(0).get("media_type").asString()).isEqualTo("text/plain");
		Response image = upload(node("{\"accepted_types\": [\".png\"]}"), this.owner,
				new Part("file", "photo.png", png()));
		assertThat(image.status()).isEqualTo(201);
		assertThat(image.json().get("files").get(0).get("media_type").asString()).isEqualTo("image/png");
	}

	@Test
	void filesOverTheNodesLimitAreRefusedAndNothingIsKept() {
		long node = node("{\"max_file_size_mb\": 1}");
		byte[] big = Arrays.copyOf(pdf(), 2 * 1024 * 1024);
		Response refused = upload(node, this.owner, new Part("file", "big.pdf", big));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
		assertThat(refused.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(refused.json().get("error").asString()).contains("1 MB");
		assertThat(this.http.get(files(node), this.owner).json().get("files").size()).isZero();
		assertThat(blobsOf(node)).isEmpty();

		// the server's default limit (3 MB here) applies to a node without one
		long unlimited = node("{}");
		assertThat(upload(unlimited, this.owner, new Part("file", "big.pdf", big)).status()).isEqualTo(201);
		Response bigger = upload(unlimited, this.owner,
				new Part("file", "bigger.pdf", Arrays.copyOf(pdf(), 4 * 1024 * 1024)));
		assertThat(bigger.status()).isEqualTo(413);
		assertThat(bigger.json().get("error").asString()).contains("limit of 3 MB");
	}

	@Test
	void aRequestOverTheServersMultipartLimitGetsAProblem() {
		long node = node("{\"max_file_size_mb\": 100}");
		Response refused = upload(node, this.owner,
				new Part("file", "huge.pdf", Arrays.copyOf(pdf(), 5 * 1024 * 1024 + 512 * 1024)));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(refused.json().get("request_id").asString()).isNotBlank();
		assertThat(blobsOf(node)).isEmpty();

		// the role is checked before the body is parsed: a viewer learns nothing of the
		// limit
		String viewerEmail = this.accounts.user("big-reader");
		this.http.postJson("/projects/" + this.project + "/share",
				"{\"email\": \"" + viewerEmail + "\", \"permission_level\": \"read\"}", this.owner);
		String[] viewer = TestAccounts.signIn(this.http, viewerEmail);
		byte[] huge = Arrays.copyOf(pdf(), 5 * 1024 * 1024 + 512 * 1024);
		assertThat(upload(node, viewer, new Part("file", "huge.pdf", huge)).status()).isEqualTo(403);
		assertThat(multipart("/projects/" + this.project + "/run?wait=1", viewer,
				new Part("node_" + node, "huge.pdf", huge))
			.status()).isEqualTo(403);
	}

	@Test
	void anUploadIsCountedWhileItStreamsAndStoppedAtTheLimit() {
		long node = node("{}");
		InputStream endless = new InputStream() {

			private int served;

			@Override
			public int read() {
				return (this.served++ < 5) ? "%PDF-".charAt(this.served - 1) : 'x';
			}

		};
		assertThatThrownBy(() -> this.nodeFiles.store(this.project, node, null, "stream.pdf", endless, List.of(".pdf"),
				1024 * 1024))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.status().value()).isEqualTo(413));
		assertThat(this.nodeFiles.list(this.project, node)).isEmpty();
		assertThat(blobsOf(node)).isEmpty();
	}

	@Test
	void filenamesLoseTheirFoldersAndMustBePrintable() {
		long node = node("{}");
		Response traversal = upload(node, this.owner, new Part("file", "../../etc/evil.pdf", pdf()));
		assertThat(traversal.status()).as(traversal.toString()).isEqualTo(201);
		assertThat(traversal.json().get("files").get(0).get("filename").asString()).isEqualTo("evil.pdf");
		Response windows = upload(node, this.owner, new Part("file", "C:\\Users\\ada\\cv.pdf", pdf()));
		assertThat(windows.json().get("files").get(0).get("filename").asString()).isEqualTo("cv.pdf");
		assertThat(blobsOf(node))
			.allSatisfy((blob) -> assertThat(blob.getFileName().toString()).matches("[0-9a-f-]{36}"));

		Response control = upload(node, this.owner, new Part("file", "bad\u0001name.pdf", pdf()));
		assertThat(control.status()).as(control.toString()).isEqualTo(400);
		assertThat(control.json().get("error").asString()).contains("control characters");
		Response onlyFolders = upload(node, this.owner, new Part("file", "../", pdf()));
		assertThat(onlyFolders.status()).isEqualTo(400);
		assertThat(this.http.get(files(node), this.owner).json().get("files").size()).isEqualTo(2);
	}

	@Test
	void aRunStartedWithAFileFeedsItToTheNode() {
		long node = node("{}");
		upload(node, this.owner, new Part("file", "standing.pdf", pdf()));
		Response started = startRun("?wait=20", new Part("inputs", null, "{\"who\": \"Ada\"}".getBytes()),
				new Part("node_" + node, "given.pdf", pdf()));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		assertThat(started.json().get("status").asString()).isEqualTo("completed");
		JsonNode frame = started.json().get("results").get("node_" + node).get("output");
		assertThat(frame.get("tod").asString()).isEqualTo("object");
		assertThat(frame.get("eos").asBoolean()).isTrue();
		assertThat(frame.get("data").size()).isEqualTo(1);
		JsonNode item = frame.get("data").get(0);
		assertThat(item.get("meta").get("filename").asString()).isEqualTo("given.pdf");
		assertThat(item.get("meta").get("media_type").asString()).isEqualTo("application/pdf");
		assertThat(item.get("meta").get("size").asLong()).isEqualTo(pdf().length);
		assertThat(item.get("meta").get("sha256").asString()).matches("[0-9a-f]{64}");
		String fileId = item.get("content").get("file_id").asString();
		assertThat(item.get("meta").get("file_id").asString()).isEqualTo(fileId);
		StoredFile given = this.nodeFiles.find(this.project, fileId).orElseThrow();
		assertThat(given.runId()).isEqualTo(started.json().get("run_id").asString());
		assertThat(read(given)).isEqualTo(pdf());
		// the node's own upload is not mixed into that run, and run inputs are not listed
		// as uploads
		assertThat(this.http.get(files(node), this.owner).json().get("files").size()).isEqualTo(1);

		Response rerun = this.http.postJson("/executions/" + started.json().get("id").asLong() + "/rerun", "{}",
				this.owner);
		assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
		JsonNode again = awaitEnd(rerun.json().get("execution_id").asLong());
		JsonNode rerunItem = results(again).get("node_" + node).get("output").get("data").get(0);
		assertThat(rerunItem.get("meta").get("filename").asString()).as("a rerun is given the same documents")
			.isEqualTo("given.pdf");
		assertThat(rerunItem.get("meta").get("sha256").asString()).isEqualTo(item.get("meta").get("sha256").asString());

		JsonNode plain = startRun("?wait=20").json().get("results").get("node_" + node).get("output");
		assertThat(plain.get("data").get(0).get("meta").get("filename").asString()).isEqualTo("standing.pdf");
	}

	@Test
	void aRefusedRunFileStartsNoRun() {
		long node = node("{}");
		Response refused = startRun("", new Part("node_" + node, "fake.pdf", "plain text".getBytes()));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
		Response unknown = startRun("", new Part("node_999999", "a.pdf", pdf()));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("error").asString()).contains("node_999999");
		Response tooLarge = startRun("", new Part("node_" + node, "a.pdf", pdf()),
				new Part("node_" + node, "huge.pdf", Arrays.copyOf(pdf(), 4 * 1024 * 1024)));
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.json().get("error").asString()).contains("max_file_size_mb");
		assertThat(this.http.get("/projects/" + this.project + "/executions", this.owner).json().get("total").asLong())
			.isZero();
		assertThat(blobsOf(node)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from node_files where node_id = :node")
			.param("node", node)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void sourcePathReadsAllowedFoldersOnly() throws IOException {
		long node = node("{\"source_path\": \"docs\"}");
		JsonNode run = runToEnd();
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("completed");
		JsonNode data = results(run).get("node_" + node).get("output").get("data");
		assertThat(data.size()).isEqualTo(1);
		assertThat(data.get(0).get("meta").get("filename").asString()).isEqualTo("a.pdf");
		StoredFile copy = this.nodeFiles.find(this.project, data.get(0).get("content").get("file_id").asString())
			.orElseThrow();
		assertThat(read(copy)).isEqualTo(Files.readAllBytes(SOURCES.resolve("root/docs/a.pdf")));

		assertSourceRefused("../outside", "'..'");
		assertSourceRefused(SOURCES.resolve("outside").toString(), "names nothing below");
		assertSourceRefused(SOURCES.resolve("root/../outside/secret.pdf").toString(), "'..'");
		assertSourceRefused("escape", "outside");
		assertSourceRefused("linked", "link");
		assertSourceRefused("docs\\u0007", "control characters");
		assertSourceRefused("missing", "names nothing below");
	}

	@Test
	void sourcePathDocumentsAreCheckedLikeUploads() {
		node("{\"source_path\": \"fakes/fake.pdf\"}");
		JsonNode run = runToEnd();
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("DOCUMENT_REJECTED");
	}

	@Test
	void withoutAllowedFoldersSourcePathFails() {
		SourceFolders none = new SourceFolders(new FileSettings(null, List.of()));
		assertThatThrownBy(() -> none.resolve("docs", List.of(".pdf")))
			.hasMessageContaining("quantra.files.source-roots")
			.isInstanceOfSatisfying(io.quantra.plugins.PluginFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo("FILE_NOT_FOUND"));
	}

	@Test
	void deletingTheNodeOrTheProjectRemovesItsFiles() {
		long node = node("{}");
		upload(node, this.owner, new Part("file", "a.pdf", pdf()));
		assertThat(blobsOf(node)).hasSize(1);
		assertThat(this.http.send("DELETE", "/nodes/" + node, "", this.owner).status()).isEqualTo(204);
		assertThat(blobsOf(node)).isEmpty();
		assertThat(this.nodeFiles.list(this.project, node)).isEmpty();

		long kept = node("{}");
		String fileId = upload(kept, this.owner, new Part("file", "b.pdf", pdf())).json()
			.get("files")
			.get(0)
			.get("file_id")
			.asString();
		assertThat(this.http.send("DELETE", "/projects/" + this.project, "", this.owner).status()).isEqualTo(204);
		assertThat(this.nodeFiles.find(this.project, fileId)).isEmpty();
		assertThat(blobsOf(kept)).isEmpty();
	}

	private void assertSourceRefused(String sourcePath, String message) {
		long project = createProject(this.owner);
		node(project, this.owner, "file_upload", "datasource",
				"{\"source_path\": \"" + sourcePath.replace("\\", "\\\\").replace("\\\\u0007", "\\u0007") + "\"}");
		Response started = this.http.postJson("/projects/" + project + "/run?wait=20", "{}", this.owner);
		JsonNode run = started.json();
		assertThat(run.get("status").asString()).as(sourcePath + ": " + run).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("FILE_NOT_FOUND");
		assertThat(run.get("error").get("message").asString()).as(sourcePath).contains(message);
	}

	private JsonNode runToEnd() {
		Response started = this.http.postJson("/projects/" + this.project + "/run?wait=20", "{}", this.owner);
		assertThat(started.status()).as(started.toString()).isIn(200, 202);
		return awaitEnd(started.json().has("execution_id") ? started.json().get("execution_id").asLong()
				: started.json().get("id").asLong());
	}

	private JsonNode awaitEnd(long execution) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			JsonNode run = this.http.get("/executions/" + execution, this.owner).json();
			if (List.of("completed", "failed", "cancelled").contains(run.get("status").asString())) {
				return run;
			}
			pause(50);
		}
		throw new AssertionError("execution " + execution + " did not end");
	}

	private JsonNode results(JsonNode run) {
		return this.http.get("/executions/" + run.get("id").asLong() + "/results", this.owner).json().get("results");
	}

	private Response startRun(String query, Part... parts) {
		return multipart("/projects/" + this.project + "/run" + query, this.owner, parts);
	}

	private Response upload(long node, String[] auth, Part... parts) {
		return multipart(files(node), auth, parts);
	}

	private Response multipart(String path, String[] auth, Part... parts) {
		return this.http.multipart(path, auth, parts);
	}

	private String files(long node) {
		return "/projects/" + this.project + "/nodes/" + node + "/files";
	}

	private long node(String config) {
		return node(this.project, this.owner, "file_upload", "datasource", config);
	}

	private long node(long project, String[] auth, String plugin, String type, String config) {
		Response created = this.http.postJson("/projects/" + project + "/nodes",
				"{\"node_type\": \"" + type + "\", \"plugin_id\": \"" + plugin + "\", \"config\": " + config + "}",
				auth);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long createProject(String[] auth) {
		Response created = this.http.postJson("/projects", "{\"name\": \"Documents\"}", auth);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private List<Path> blobsOf(long node) {
		Path folder = this.dataDirectory.resolve("blobs").resolve("projects/" + this.project + "/nodes/" + node);
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (var files = Files.list(folder)) {
			return new ArrayList<>(files.toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] read(StoredFile file) {
		try (InputStream in = this.nodeFiles.open(file)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A one-page PDF, the same bytes every time (PDFBox gives each save a new id). */
	static byte[] pdf() {
		return PDF.clone();
	}

	private static byte[] newPdf() {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] docx() {
		try (XWPFDocument document = new XWPFDocument()) {
			document.createParagraph().createRun().setText("Dear reader");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] zip() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("hello.txt"));
			zip.write("hello".getBytes());
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] png() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2, 2,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The server folders: {@code root} is allowed; {@code outside} is not, and links in
	 * the root lead there.
	 */
	private static Path sources() {
		try {
			Path base = Files.createTempDirectory("quantra-sources");
			Path root = Files.createDirectories(base.resolve("root"));
			Path docs = Files.createDirectories(root.resolve("docs"));
			Files.write(docs.resolve("a.pdf"), pdf());
			Files.writeString(docs.resolve("skipped.txt"), "not an accepted type");
			Files.writeString(docs.resolve("fake.pdf.txt"), "not an accepted type either");
			Path fakes = Files.createDirectories(root.resolve("fakes"));
			Files.writeString(fakes.resolve("fake.pdf"), "plain text");
			Path outside = Files.createDirectories(base.resolve("outside"));
			Files.write(outside.resolve("secret.pdf"), pdf());
			Files.createSymbolicLink(root.resolve("escape"), outside);
			Path linked = Files.createDirectories(root.resolve("linked"));
			Files.createSymbolicLink(linked.resolve("secret.pdf"), outside.resolve("secret.pdf"));
			return base;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
