"""Fixtures for the report tests; the data lives in report_samples."""

from __future__ import annotations

import pytest
from report_samples import sample_findings, sample_rules

from reslint.model import Finding, RuleInfo


@pytest.fixture
def rules() -> dict[str, RuleInfo]:
    return sample_rules()


@pytest.fixture
def findings() -> list[Finding]:
    return sample_findings()
