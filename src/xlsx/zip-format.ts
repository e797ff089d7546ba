// The zip format's record signatures and limits, shared by the reader and the writer.
export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_DESCRIPTOR = 0x08074b50;
export const SIG_EOCD = 0x06054b50;
export const SIG_Z64_LOCATOR = 0x07064b50;
export const SIG_Z64_EOCD = 0x06064b50;
export const EOCD_SIZE = 22;
/** Fields at these values mean "see the ZIP64 record". */
export const U16 = 0xffff;
export const U32 = 0xffffffff;
