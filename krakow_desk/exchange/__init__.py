"""Reading and writing files in the formats the office uses. No Qt."""
