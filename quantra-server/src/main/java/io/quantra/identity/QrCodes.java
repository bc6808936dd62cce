package io.quantra.identity;

import io.nayuki.qrcodegen.QrCode;

/**
 * QR codes drawn on the server, so that an MFA secret never leaves it for a third-party
 * image service or a script from elsewhere.
 */
final class QrCodes {

	/** The white margin around the code, in modules, as the QR specification asks. */
	private static final int QUIET_ZONE = 4;

	private QrCodes() {
	}

	/** The text as a QR code: one SVG path of black modules on white, scaled by CSS. */
	static String svg(String text) {
		QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int side = code.size + QUIET_ZONE * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < code.size; y++) {
			for (int x = 0; x < code.size; x++) {
				if (code.getModule(x, y)) {
					path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
				+ "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of the authenticator link\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

}
