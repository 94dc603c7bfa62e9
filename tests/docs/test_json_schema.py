"""docs/schema/cccd-read.schema.json against real outputs and against docs/json-output.md.

The outputs are documentToJson's for the emulated cards read in process and for the real
documents' files of ../shared/spec, written by the cccd_docs_json_samples program named in
CCCD_JSON_SAMPLES. Every output must validate; an output with a key added anywhere, or with a
required key removed, must not; and the schema must name exactly the keys the documentation has
rows for.
"""
import copy
import json
import os
import pathlib
import re
import subprocess
import tempfile
import unittest

try:
    import jsonschema
except ImportError as error:  # the test fails, it does not skip: CI must have the package
    raise SystemExit("python3-jsonschema is missing (scripts/deps.sh installs it)") from error

SOURCE = pathlib.Path(os.environ["CCCD_SOURCE_DIR"])
SCHEMA_FILE = SOURCE / "docs" / "schema" / "cccd-read.schema.json"
# Keys a read may leave out: those of a read keyed by the card's QR (json-output.md, qr).
OPTIONAL = {"qr", "verification.qr_cross_check"}
# Objects that docs/json-verification.md describes, not docs/json-output.md.
VERIFICATION_OBJECTS = {"verification.passive_authentication", "verification.card_security"}
UNDOCUMENTED = "undocumented_key"


def load_outputs():
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([os.environ["CCCD_JSON_SAMPLES"], folder], check=True)
        return {path.stem: json.loads(path.read_text(encoding="utf-8"))
                for path in sorted(pathlib.Path(folder).glob("*.json"))}


def objects(value, path=""):
    """Every object inside value with its key path (json-output.md's notation)."""
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            yield from objects(child, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for child in value:
            yield from objects(child, path + "[]")


def find(value, path):
    """The objects at a key path of objects()."""
    return [obj for p, obj in objects(value) if p == path]


class SchemaPaths:
    """The key paths a schema describes, with $ref resolved and nullable unions opened."""

    def __init__(self, schema):
        self.defs = schema["$defs"]

    def resolve(self, node):
        while "$ref" in node:
            node = self.defs[node["$ref"].rsplit("/", 1)[1]]
        for branch in node.get("oneOf", []):
            if branch.get("type") != "null":
                return self.resolve(branch)
        return node

    def walk(self, node, path="", stop=()):
        node = self.resolve(node)
        paths = set()
        if path in stop:
            return paths
        for key, child in node.get("properties", {}).items():
            child_path = f"{path}.{key}" if path else key
            paths.add(child_path)
            paths |= self.walk(child, child_path, stop)
        if "items" in node:
            paths |= self.walk(node["items"], path + "[]", stop)
        return paths


class JsonSchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(cls.schema)
        cls.validator = jsonschema.Draft202012Validator(cls.schema)
        cls.outputs = load_outputs()

    def assertValid(self, instance, name):
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in self.validator.iter_errors(instance)]
        self.assertEqual(errors, [], name)

    def test_outputs_cover_emulated_and_real_documents(self):
        names = list(self.outputs)
        self.assertTrue(any(n.startswith("emulated-vn-basic") for n in names), names)
        self.assertTrue(any(n.startswith("stored-real-sod-") for n in names), names)
        self.assertTrue(any("qr_cross_check" in o["verification"] for o in self.outputs.values()))

    def test_every_output_validates(self):
        for name, output in self.outputs.items():
            self.assertValid(output, name)

    # Each kind of object once: the first output that has it.
    def object_paths(self):
        seen = {}
        for name, output in self.outputs.items():
            for path, _ in objects(output):
                seen.setdefault(path, name)
        return seen

    def test_an_undocumented_key_is_rejected_everywhere(self):
        for path, name in self.object_paths().items():
            changed = copy.deepcopy(self.outputs[name])
            find(changed, path)[0][UNDOCUMENTED] = 1
            self.assertFalse(self.validator.is_valid(changed), f"{name}: a key added in {path!r}")

    def test_a_missing_key_is_rejected_everywhere(self):
        for path, name in self.object_paths().items():
            for key in find(self.outputs[name], path)[0]:
                key_path = f"{path}.{key}" if path else key
                changed = copy.deepcopy(self.outputs[name])
                del find(changed, path)[0][key]
                self.assertEqual(self.validator.is_valid(changed), key_path in OPTIONAL,
                                 f"{name}: {key_path} removed")

    def test_schema_names_the_keys_json_output_md_documents(self):
        described = SchemaPaths(self.schema).walk(self.schema, stop=VERIFICATION_OBJECTS)
        doc = (SOURCE / "docs" / "json-output.md").read_text(encoding="utf-8")
        roots = set(self.schema["properties"])
        documented = {m for m in re.findall(r"\n\| `([a-z0-9_.\[\]]+)` \|", doc)
                      if re.split(r"[.\[]", m)[0] in roots}
        self.assertEqual(sorted(described - documented), [], "in the schema, not in the doc")
        self.assertEqual(sorted(documented - described), [], "in the doc, not in the schema")

    def test_verification_objects_keys_are_in_json_verification_md(self):
        doc = (SOURCE / "docs" / "json-verification.md").read_text(encoding="utf-8")
        paths = SchemaPaths(self.schema)
        for name in ("passive_authentication", "card_security"):
            for key_path in paths.walk(self.schema["$defs"][name]):
                key = re.split(r"[.\[\]]+", key_path.rstrip("[]"))[-1]
                self.assertTrue(f"| `{key}` |" in doc or f".{key}` |" in doc,
                                f"{name}: {key_path} has no row in json-verification.md")


if __name__ == "__main__":
    unittest.main()
