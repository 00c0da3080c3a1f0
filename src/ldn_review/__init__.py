"""ldn-review: a living evidence pipeline for low-dose naltrexone in chronic pain."""

__version__ = "0.1.0"
