"""Pure domain logic for Microdose Together; no Home Assistant imports."""
