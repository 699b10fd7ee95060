"""Kita-Netzwerk: the Streamlit app (`make run`). The pages live in network/ui/."""

from network.ui.app import main
from network.ui.stil import stil

stil()  # app-wide CSS for accessibility: visible keyboard focus (docs/barrierefreiheit.md)
main()
