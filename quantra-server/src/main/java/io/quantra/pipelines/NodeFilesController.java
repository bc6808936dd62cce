package io.quantra.pipelines;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quantra.pipelines.CanvasRepository.StoredNode;
import io.quantra.pipelines.NodeUploads.Upload;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.RouteAuthorizations;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.projects.Role;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The documents of a {@code file_upload} node. Uploads are multipart parts named
 * {@code file}; the servlet container spools them to disk and the caller's role is
 * checked before they are parsed.
 */
@RestController
class NodeFilesController {

	private final NodeUploads uploads;

	NodeFilesController(NodeUploads uploads) {
		this.uploads = uploads;
	}

	@Operation(summary = "Upload documents to a file_upload node: multipart parts named 'file' (editor or above)")
	@PostMapping(path = "/projects/{id}/nodes/{nodeId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> upload(@PathVariable long id, @PathVariable long nodeId, MultipartHttpServletRequest request,
			@AuthenticationPrincipal CurrentUser caller) throws IOException {
		StoredNode node = this.uploads.requireNode(caller, id, nodeId, Role.EDITOR);
		List<Upload> files = new ArrayList<>();
		for (MultipartFile part : request.getFiles("file")) {
			files.add(new Upload(part.getOriginalFilename(), part.getSize(), part::getInputStream));
		}
		return Map.of("files", this.uploads.store(node, files).stream().map(NodeFilesController::view).toList());
	}

	@Operation(summary = "The documents uploaded to a file_upload node, oldest first")
	@GetMapping("/projects/{id}/nodes/{nodeId}/files")
	Map<String, Object> list(@PathVariable long id, @PathVariable long nodeId,
			@AuthenticationPrincipal CurrentUser caller) {
		StoredNode node = this.uploads.requireNode(caller, id, nodeId, Role.VIEWER);
		return Map.of("files", this.uploads.list(node).stream().map(NodeFilesController::view).toList());
	}

	@Operation(summary = "Remove a document from a file_upload node (editor or above)")
	@DeleteMapping("/projects/{id}/nodes/{nodeId}/files/{fileId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @PathVariable long nodeId, @PathVariable String fileId,
			@AuthenticationPrincipal CurrentUser caller) throws IOException {
		this.uploads.delete(this.uploads.requireNode(caller, id, nodeId, Role.EDITOR), fileId);
	}

	/** Any signed-in user; each route checks the caller's role on the project. */
	@Bean
	static RouteAuthorizations nodeFileRouteRules() {
		return (routes) -> routes.requestMatchers("/projects/*/nodes/*/files", "/projects/*/nodes/*/files/*")
			.authenticated();
	}

	static Map<String, Object> view(StoredFile file) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("file_id", file.fileId());
		view.put("filename", file.filename());
		view.put("media_type", file.mediaType());
		view.put("size", file.size());
		view.put("sha256", file.sha256());
		view.put("created_at", file.createdAt().toString());
		return view;
	}

}
