/**
 * A browser and OS name from a User-Agent string, for the requester panel: the common families only (checked in
 * the order that their tokens overlap: Edge and Opera carry "Chrome", Chrome carries "Safari"). Bounded input.
 */
export function describeUserAgent(ua: string | null): { browser: string | null; os: string | null } {
  if (!ua) return { browser: null, os: null };
  const text = ua.slice(0, 500);
  const version = (re: RegExp) => text.match(re)?.[1]?.split('.')[0];
  const browsers: [RegExp, string][] = [
    [/Edg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
    [/OPR\/([\d.]+)/, 'Opera'],
    [/Firefox\/([\d.]+)/, 'Firefox'],
    [/(?:Chrome|CriOS)\/([\d.]+)/, 'Chrome'],
    [/Version\/([\d.]+).*Safari\//, 'Safari'],
  ];
  const found = browsers.find(([re]) => re.test(text));
  const browser = found ? `${found[1]} ${version(found[0]) ?? ''}`.trim() : null;
  const systems: [RegExp, string][] = [
    [/Windows NT/, 'Windows'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Android/, 'Android'],
    [/CrOS/, 'ChromeOS'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/Linux/, 'Linux'],
  ];
  const os = systems.find(([re]) => re.test(text))?.[1] ?? null;
  return { browser, os };
}
