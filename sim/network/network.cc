// Placeholder translation unit, replaced by the network implementation.
