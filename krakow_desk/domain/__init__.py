"""Tables, vocabularies and pure rules. No Qt, no files, no sessions."""
