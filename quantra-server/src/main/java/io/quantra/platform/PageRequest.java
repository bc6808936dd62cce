package io.quantra.platform;

/**
 * A page of a list: {@code limit} items from {@code offset}, validated against the list's
 * default and maximum page size.
 */
public record PageRequest(int limit, int offset) {

	/**
	 * Reads {@code limit} and {@code offset} query parameters (either may be absent).
	 * @throws ApiException 400 when a value is negative, zero or above the maximum
	 */
	public static PageRequest of(Integer limit, Integer offset, int defaultLimit, int maxLimit) {
		int size = (limit != null) ? limit : defaultLimit;
		int from = (offset != null) ? offset : 0;
		if (size < 1 || size > maxLimit) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "limit must be between 1 and " + maxLimit + ".");
		}
		if (from < 0) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "offset must not be negative.");
		}
		return new PageRequest(size, from);
	}

}
