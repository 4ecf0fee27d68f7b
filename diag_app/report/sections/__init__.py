"""The report's sections, built as data (``document`` types) from a pack and a result; one module
per part of the report, all sharing one ``Ctx`` (pack, result, language, the caller's meta)."""
