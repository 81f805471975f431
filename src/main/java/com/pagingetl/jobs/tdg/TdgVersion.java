package com.pagingetl.jobs.tdg;

import java.math.BigInteger;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import com.pagingetl.paging.JsonRecords;

/**
 * TDG object versions: uint64 nanosecond timestamps, 19 digits today and above 2^53, so they are kept as
 * their exact decimal text and compared as unsigned 64-bit integers, never as {@code double}. TDG writes
 * them as JSON numbers; the documentation's examples write them as strings; both are accepted.
 * Stateless and thread-safe.
 */
final class TdgVersion {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    private TdgVersion() {
    }

    /** The values {@link #parse} accepts, in words. */
    static final String ALLOWED = "a version, an unsigned 64-bit integer such as 1639990000123456789";

    /** Null when {@code text} is a version, else why not (for the parameter check). */
    static String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return "expected " + ALLOWED;
        }
    }

    /** The canonical decimal text of {@code text} ("007" → "7"); throws if it is not an unsigned 64-bit integer. */
    static String parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!DIGITS.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version (an unsigned integer such as 1639990000123456789)");
        }
        try {
            return Long.toUnsignedString(Long.parseUnsignedLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is above the largest version 2^64-1");
        }
    }

    /** The {@code version} of an object as TDG wrote it (an integral JSON number or a string of digits), from its bytes. */
    static String ofObject(byte[] object) {
        return ofMember(JsonRecords.member(object, "version"));
    }

    /** The version in an object's {@code version} member (null when the object has none). */
    static String ofMember(JsonRecords.Member member) {
        if (member == null || member.isNull()) {
            throw new IllegalArgumentException("the object has no version");
        }
        if (member.kind() == '"' || member.kind() == '0' && isInteger(member.text())) {
            return parse(member.text());
        }
        // A floating-point version has already lost digits: refuse it rather than write a wrong value.
        throw new IllegalArgumentException("version " + (member.text() == null ? "(an object or array)" : member.text())
                + " is not an exact integer");
    }

    private static boolean isInteger(String number) {
        return number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
    }

    /** A version as TDG returned it: an integral JSON number or a string of digits. */
    static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("the object has no version");
        }
        if (node.isIntegralNumber()) {
            return parse(node.bigIntegerValue().toString());
        }
        if (node.isString()) {
            return parse(node.asString());
        }
        // A floating-point version has already lost digits: refuse it rather than write a wrong value.
        throw new IllegalArgumentException("version " + node + " is not an exact integer");
    }

    /** Compares two canonical versions as unsigned 64-bit integers. */
    static int compare(String a, String b) {
        return Long.compareUnsigned(Long.parseUnsignedLong(a), Long.parseUnsignedLong(b));
    }

    /** Nanoseconds since the epoch of {@code epochMillis}, as a version. */
    static String ofEpochNanos(long epochSecond, int nano) {
        return BigInteger.valueOf(epochSecond).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(nano)).toString();
    }
}
