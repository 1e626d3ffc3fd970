"""quizengine: parameterized DVA-C02 exam questions, mock exams, drills and their history."""

__version__ = "0.1.0"
