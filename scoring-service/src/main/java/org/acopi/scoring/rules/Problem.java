package org.acopi.scoring.rules;

/**
 * One reason a PI measurement set is rejected (docs/pi-rules.md §2.6): a stable number, its {@code INVALID_*} code and a
 * message that names measure ids but never a TIN or NPI.
 */
public record Problem(int number, String code, String message) {
}
