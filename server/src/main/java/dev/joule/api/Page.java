package dev.joule.api;

import java.util.List;

/**
 * One page of a list as the client sees it: {@code {"items": [...], "next": "..." | null}}.
 *
 * @param items the items of this page, in the list's order
 * @param next the cursor of the following page, or null (JSON null) on the last page
 */
public record Page<T>(List<T> items, String next) {}
