// The name the HTML report gives as its generator (a <meta> tag), by which a later run knows an
// earlier report of ours and may replace it.
export const REPORT_GENERATOR = "assess";
