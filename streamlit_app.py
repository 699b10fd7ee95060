"""Kita-Netzwerk: the Streamlit app (`make run`). The pages live in network/ui/."""

from network.ui.app import main

main()
