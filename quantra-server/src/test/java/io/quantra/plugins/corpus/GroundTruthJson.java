package io.quantra.plugins.corpus;

import java.util.List;

/**
 * The ground truth of a document as JSON, written by hand so the corpus needs nothing but
 * the JDK to be read by scripts in any language.
 */
final class GroundTruthJson {

	private GroundTruthJson() {
	}

	static String document(SyntheticDocument document, ScanSettings settings) {
		StringBuilder json = new StringBuilder(document.text().length() * 3);
		json.append("{\n  \"id\": ").append(quote(document.id()));
		json.append(",\n  \"kind\": ").append(quote(document.kind().name()));
		json.append(",\n  \"region\": ").append(quote(document.region().name()));
		json.append(",\n  \"language\": ").append(quote(document.language()));
		json.append(",\n  \"text\": ").append(quote(document.text()));
		json.append(",\n  \"spans\": [");
		List<Span> spans = document.spans();
		for (int i = 0; i < spans.size(); i++) {
			Span span = spans.get(i);
			json.append((i > 0) ? ",\n    " : "\n    ");
			json.append("{\"entity\": ").append(quote(span.entity()));
			json.append(", \"start\": ").append(span.start());
			json.append(", \"end\": ").append(span.end());
			json.append(", \"value\": ").append(quote(span.value())).append('}');
		}
		json.append("\n  ],\n  \"pages\": [");
		List<PageText> pages = document.pages();
		for (int i = 0; i < pages.size(); i++) {
			PageText page = pages.get(i);
			json.append((i > 0) ? ",\n    " : "\n    ");
			json.append("{\"number\": ").append(page.number());
			json.append(", \"documentStart\": ").append(page.documentStart());
			json.append(", \"image\": ").append(quote(CorpusRenderer.pngName(document, page.number())));
			json.append(", \"text\": ").append(quote(page.text())).append('}');
		}
		json.append("\n  ],\n  \"scan\": {");
		json.append("\"paper\": ").append(quote(settings.letterPaper() ? "Letter" : "A4"));
		json.append(", \"font\": ").append(quote(settings.serif() ? "serif" : "sans-serif"));
		json.append(", \"pointSize\": ").append(settings.pointSize());
		json.append(", \"dpi\": ").append(settings.dpi());
		json.append(", \"rotationDegrees\": ")
			.append(String.format(java.util.Locale.ROOT, "%.3f", settings.rotationDegrees()));
		json.append(", \"blur\": ").append(settings.blur());
		json.append("}\n}\n");
		return json.toString();
	}

	static String index(List<SyntheticDocument> documents) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < documents.size(); i++) {
			SyntheticDocument document = documents.get(i);
			json.append((i > 0) ? ",\n  " : "\n  ");
			json.append("{\"id\": ").append(quote(document.id()));
			json.append(", \"kind\": ").append(quote(document.kind().name()));
			json.append(", \"language\": ").append(quote(document.language()));
			json.append(", \"pages\": ").append(document.pageCount());
			json.append(", \"spans\": ").append(document.spans().size()).append('}');
		}
		return json.append("\n]\n").toString();
	}

	static String quote(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
