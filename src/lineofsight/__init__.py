"""Line of Sight: an Ofsted improvement plan as live data."""
