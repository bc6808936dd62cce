package io.quantra.plugins.builtin;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much of a document the extraction and OCR plugins take on before they reject it, so
 * that a hostile upload (a zip bomb, a PDF of ten thousand pages, an image of 50,000 ×
 * 50,000 pixels) fails its node instead of exhausting the server. A node may lower
 * {@code max_pages} and {@code max_pixels} in its configuration, never raise them.
 *
 * @param maxPages pages (or images of a multi-page TIFF) one document may have
 * @param maxPixels pixels of one image or rendered page, read from its header or computed
 * from the page size and resolution before anything is decoded
 * @param maxZipEntrySize largest uncompressed part of a DOCX
 * @param minInflateRatio smallest ratio of compressed to uncompressed size a DOCX part
 * may have; below it the part is a zip bomb
 * @param maxTextSize largest text file, and most characters extracted from one DOCX
 */
@ConfigurationProperties("quantra.documents")
record DocumentLimits(Integer maxPages, Long maxPixels, DataSize maxZipEntrySize, Double minInflateRatio,
		DataSize maxTextSize) {

	static final DocumentLimits DEFAULTS = new DocumentLimits(null, null, null, null, null);

	DocumentLimits {
		maxPages = (maxPages != null) ? maxPages : 500;
		maxPixels = (maxPixels != null) ? maxPixels : 50_000_000L;
		maxZipEntrySize = (maxZipEntrySize != null) ? maxZipEntrySize : DataSize.ofMegabytes(100);
		minInflateRatio = (minInflateRatio != null) ? minInflateRatio : 0.01;
		maxTextSize = (maxTextSize != null) ? maxTextSize : DataSize.ofMegabytes(10);
		if (maxPages < 1 || maxPixels < 1 || maxZipEntrySize.toBytes() < 1 || maxTextSize.toBytes() < 1
				|| minInflateRatio <= 0 || minInflateRatio >= 1) {
			throw new IllegalArgumentException("quantra.documents limits must be positive, "
					+ "and min-inflate-ratio between 0 and 1 (exclusive)");
		}
	}

	/** These limits, lowered by a node's {@code max_pages} and {@code max_pixels}. */
	DocumentLimits forNode(JsonNode config) {
		int pages = Math.min(this.maxPages, config.path("max_pages").asInt(this.maxPages));
		long pixels = Math.min(this.maxPixels, config.path("max_pixels").asLong(this.maxPixels));
		return new DocumentLimits(Math.max(1, pages), Math.max(1, pixels), this.maxZipEntrySize, this.minInflateRatio,
				this.maxTextSize);
	}

}
