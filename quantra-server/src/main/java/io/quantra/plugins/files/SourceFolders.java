package io.quantra.plugins.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.quantra.plugins.PluginFailure;

import org.springframework.stereotype.Component;

/**
 * The server folders an administrator allowed nodes to read
 * ({@code quantra.files.source-roots}), and the resolution of a node's
 * {@code source_path} below them. A path is taken apart before it is read: {@code ..},
 * control characters, absolute paths outside every root, and links that lead out of their
 * root are refused, checked on the real path the file system resolves.
 */
@Component
public class SourceFolders {

	/** The most files one node reads from a folder. */
	static final int MAX_FILES = 1000;

	private final List<String> roots;

	SourceFolders(FileSettings settings) {
		this.roots = settings.sourceRoots();
	}

	/**
	 * The files {@code sourcePath} names: the file itself, or the files directly in the
	 * folder whose extension is among {@code acceptedTypes}, by name.
	 * @throws PluginFailure {@code FILE_NOT_FOUND} when the path is missing or not
	 * readable by nodes, {@code DOCUMENT_REJECTED} when a named file has an extension the
	 * node does not accept
	 */
	public List<SourceFile> resolve(String sourcePath, List<String> acceptedTypes) throws PluginFailure {
		if (this.roots.isEmpty()) {
			throw notFound("source_path cannot be read: this server allows no folders. An administrator allows one "
					+ "with quantra.files.source-roots (QUANTRA_FILES_SOURCE_ROOTS).");
		}
		if (sourcePath.isBlank() || sourcePath.chars().anyMatch(UploadName::isControl)) {
			throw notFound("source_path must be a path without control characters.");
		}
		Path given;
		try {
			given = Path.of(sourcePath.strip());
		}
		catch (InvalidPathException ex) {
			throw notFound("source_path '" + sourcePath + "' is not a valid path.");
		}
		for (Path part : given) {
			if (part.toString().equals("..")) {
				throw notFound("source_path may not contain '..'; give a path below an allowed folder.");
			}
		}
		List<Path> realRoots = realRoots();
		Path real = realPath(given, realRoots).orElseThrow(() -> notFound("source_path '" + sourcePath
				+ "' names nothing below the folders this " + "server allows nodes to read."));
		if (outside(real, realRoots)) {
			throw notFound("source_path '" + sourcePath + "' leads outside the folders this server allows nodes to "
					+ "read (through a link).");
		}
		if (Files.isRegularFile(real)) {
			String name = real.getFileName().toString();
			if (!acceptedTypes.contains(UploadName.extension(name))) {
				throw new PluginFailure(PluginFailure.DOCUMENT_REJECTED, "'" + name
						+ "' is not among the types this node accepts (" + String.join(", ", acceptedTypes) + ").",
						false);
			}
			return List.of(new SourceFile(name, real));
		}
		if (!Files.isDirectory(real)) {
			throw notFound("source_path '" + sourcePath + "' is neither a file nor a folder.");
		}
		return folder(sourcePath, real, realRoots, acceptedTypes);
	}

	private List<SourceFile> folder(String sourcePath, Path folder, List<Path> realRoots, List<String> acceptedTypes)
			throws PluginFailure {
		List<SourceFile> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.startsWith(".") || !acceptedTypes.contains(UploadName.extension(name))) {
					continue;
				}
				if (name.chars().anyMatch(UploadName::isControl)) {
					throw notFound("A file in source_path '" + sourcePath + "' has control characters in its name.");
				}
				Path real = entry.toRealPath();
				if (outside(real, realRoots)) {
					throw notFound("'" + name + "' in source_path '" + sourcePath
							+ "' is a link that leads outside the folders this server allows nodes to read.");
				}
				if (Files.isRegularFile(real)) {
					files.add(new SourceFile(name, real));
				}
				if (files.size() > MAX_FILES) {
					throw new PluginFailure(PluginFailure.DOCUMENT_REJECTED, "source_path '" + sourcePath
							+ "' holds more than " + MAX_FILES + " files; point it at a smaller folder.", false);
				}
			}
		}
		catch (NoSuchFileException ex) {
			throw notFound("A file in source_path '" + sourcePath + "' disappeared while it was read.");
		}
		catch (IOException ex) {
			throw new PluginFailure(PluginFailure.FILE_NOT_FOUND,
					"source_path '" + sourcePath + "' could not be read: " + ex.getClass().getSimpleName(), true);
		}
		files.sort(Comparator.comparing(SourceFile::name));
		return files;
	}

	/**
	 * The real path of {@code given}: an absolute path must lie below a root; a relative
	 * one is looked up below each root in turn.
	 */
	private Optional<Path> realPath(Path given, List<Path> realRoots) {
		List<Path> candidates = new ArrayList<>();
		if (given.isAbsolute()) {
			Path normalized = given.normalize();
			boolean below = this.roots.stream()
				.map((r) -> Path.of(r).toAbsolutePath().normalize())
				.anyMatch(normalized::startsWith) || realRoots.stream().anyMatch(normalized::startsWith);
			if (below) {
				candidates.add(normalized);
			}
		}
		else {
			realRoots.forEach((root) -> candidates.add(root.resolve(given)));
		}
		for (Path candidate : candidates) {
			try {
				return Optional.of(candidate.toRealPath());
			}
			catch (IOException ex) {
				// not below this root
			}
		}
		return Optional.empty();
	}

	private List<Path> realRoots() {
		List<Path> real = new ArrayList<>();
		for (String root : this.roots) {
			try {
				real.add(Path.of(root).toRealPath());
			}
			catch (IOException | InvalidPathException ex) {
				// a root that does not exist allows nothing
			}
		}
		return real;
	}

	private static boolean outside(Path real, List<Path> realRoots) {
		return realRoots.stream().noneMatch(real::startsWith);
	}

	private static PluginFailure notFound(String message) {
		return new PluginFailure(PluginFailure.FILE_NOT_FOUND, message, false);
	}

	/**
	 * One file to read: its name and its real path, checked to lie below a root.
	 */
	public record SourceFile(String name, Path path) {

		/** Opens the file without following a link swapped in since it was checked. */
		public java.io.InputStream open() throws IOException {
			return Files.newInputStream(this.path, LinkOption.NOFOLLOW_LINKS);
		}

		public long size() throws IOException {
			return Files.size(this.path);
		}

	}

}
