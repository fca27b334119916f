package video

import "errors"

// hevcSetup reads the source's hvcC and picks free ids for new segments.
func (s *smart) hevcSetup() string {
	return "HEVC joining is not available yet"
}

// x265Params pins x265 to what the id rewriting understands.
func (s *smart) x265Params() string { return "" }

func mergeHVCC(records [][]byte) ([]byte, string, error) {
	return nil, "", errors.New("not yet")
}
