package io.quantra.plugins.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus of synthetic invoices, contracts, letters and forms in English
 * and German, with the exact offsets of every piece of personal data, for measuring OCR
 * character error rate and PII detection recall and precision.
 * <p>
 * Document {@code i} depends only on the seed and {@code i}, so a larger corpus starts
 * with the documents of a smaller one.
 */
public final class DocumentCorpus {

	public static final int DEFAULT_COUNT = 60;

	public static final long DEFAULT_SEED = 42;

	private DocumentCorpus() {
	}

	public static List<SyntheticDocument> generate() {
		return generate(DEFAULT_SEED, DEFAULT_COUNT);
	}

	public static List<SyntheticDocument> generate(long seed, int count) {
		List<SyntheticDocument> documents = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			documents.add(document(seed, i));
		}
		return documents;
	}

	/**
	 * Kinds and regions are dealt from shuffled decks of {@value #DECK} so that every
	 * block of that many documents has the same mix, which keeps entity counts stable
	 * across seeds.
	 */
	public static SyntheticDocument document(long seed, int index) {
		int slot = index % DECK;
		int block = index / DECK;
		int kindCard = deck(seed, block, 1).get(slot);
		int regionCard = deck(seed, block, 2).get(slot);
		DocumentKind kind = (kindCard < 8) ? DocumentKind.INVOICE
				: (kindCard < 13) ? DocumentKind.CONTRACT : (kindCard < 16) ? DocumentKind.LETTER : DocumentKind.FORM;
		Region region = (regionCard < 10) ? Region.US : (regionCard < 15) ? Region.UK : Region.DE;
		Random random = new Random(mix(seed, index, 0));
		return DocumentComposer.compose(String.format("doc-%04d", index), kind, region, random);
	}

	private static final int DECK = 20;

	private static List<Integer> deck(long seed, int block, int salt) {
		List<Integer> cards = new ArrayList<>(DECK);
		for (int i = 0; i < DECK; i++) {
			cards.add(i);
		}
		Collections.shuffle(cards, new Random(mix(seed, block, salt)));
		return cards;
	}

	private static long mix(long seed, long index, long salt) {
		long z = seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + salt * 0x165667B19E3779F9L;
		z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
		return z ^ (z >>> 33);
	}

}
