/**
 * JUnit XML, which GitLab, Jenkins and most CI servers show as test results: one suite per rule,
 * one failing test case per error-level violation (warnings pass, with their text in
 * system-out), and a passing case for a rule without violations.
 */
import type { CheckReport } from "../../model/check-report.js";
import type { Violation } from "../../model/violation.js";
import { chainText, pathFrom, viaText } from "./paths.js";

export function junitCheckReport(report: CheckReport): string {
  const suites = report.rules.map((rule) => {
    const violations = report.violations.filter((violation) => violation.rule === rule.name);
    const failures = violations.filter((violation) => violation.severity === "error").length;
    const cases =
      violations.length === 0
        ? [`    <testcase classname="layermap.${xml(rule.name)}" name="${xml(rule.description)}"/>`]
        : violations.map((violation) => testCase(report, violation));
    return [
      `  <testsuite name="${xml(rule.name)}" tests="${Math.max(violations.length, 1)}" failures="${failures}" errors="0" skipped="0">`,
      ...cases,
      "  </testsuite>",
    ].join("\n");
  });
  const tests = report.rules.reduce((sum, rule) => sum + Math.max(report.violations.filter((v) => v.rule === rule.name).length, 1), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="layermap" tests="${tests}" failures="${report.summary.errors}" errors="0">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}

function testCase(report: CheckReport, violation: Violation): string {
  const file = pathFrom(report, violation.from);
  const name = `${file}:${violation.line} imports ${pathFrom(report, violation.to, violation.toKind)}`;
  const details = [
    `${file}:${violation.line}: imports "${violation.specifier}"${viaText(report, violation.barrel)}`,
    violation.message,
    ...(violation.via === undefined ? [] : [`chain: ${chainText(report, violation.via)}`]),
    ...(violation.comment === undefined ? [] : [violation.comment]),
  ].join("\n");
  const open = `    <testcase classname="layermap.${xml(violation.rule)}" name="${xml(name)}" file="${xml(file)}" line="${violation.line}">`;
  const body =
    violation.severity === "error"
      ? `      <failure message="${xml(violation.message)}" type="${xml(violation.rule)}">${xml(details)}</failure>`
      : `      <system-out>${xml(`warning: ${details}`)}</system-out>`;
  return [open, body, "    </testcase>"].join("\n");
}

/**
 * Text as XML 1.0 character data or an attribute value. Characters XML 1.0 does not allow at all
 * — C0 controls other than tab, newline and return, U+FFFE, U+FFFF and a surrogate without its
 * pair — would make the file ill-formed (a CI server then drops the whole report): each is
 * written as its visible escape, `\u001b`, as every text output of layermap writes it.
 */
function xml(text: string): string {
  return text
    .replace(NOT_XML, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
