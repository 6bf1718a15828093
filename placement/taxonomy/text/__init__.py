"""Words to codes: coders that turn free text (titles, places, skills, wages) into taxonomy codes.

Pure Python (no Django models imported at module level), shared by imports, forms and the API.
`normalize` is the common text normalisation every coder builds on.
"""
