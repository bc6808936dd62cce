package io.quantra.platform.web;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API reference rendered by ReDoc, from the bundled ReDoc script.
 */
@Hidden
@RestController
class ReDocController {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			  <meta charset="utf-8">
			  <meta name="viewport" content="width=device-width, initial-scale=1">
			  <title>Quantra API reference</title>
			  <style>body { margin: 0; padding: 0; }</style>
			</head>
			<body>
			  <redoc spec-url="/openapi.json"></redoc>
			  <script src="/webjars/redoc/redoc.standalone.js"></script>
			</body>
			</html>
			""";

	@GetMapping(path = "/redoc", produces = MediaType.TEXT_HTML_VALUE)
	String redoc() {
		return PAGE;
	}

}
