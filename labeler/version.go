package labeler

// Version is Belgi's version, recorded in every mark it writes.
const Version = "0.1.0"

// Tool names Belgi and its version, as written into metadata.
const Tool = "Belgi " + Version
