libtrim1 ; $$FUNC^%TRIM, $$L^%TRIM, $$R^%TRIM with default and explicit characters
 write "[",$$FUNC^%TRIM("  a  "),"]",!
 write "[",$$L^%TRIM("  a  "),"]",!
 write "[",$$R^%TRIM("  a  "),"]",!
 write "[",$$FUNC^%TRIM($char(9)_" x y "_$char(9)),"]",!
 write "[",$$FUNC^%TRIM("xxaxx","x"),"]",!
 write "[",$$L^%TRIM("xyaxy","xy"),"]",!
 write "[",$$R^%TRIM("xyaxy","yx"),"]",!
 write "[",$$FUNC^%TRIM(""),"]",!
 write "[",$$FUNC^%TRIM("    "),"]",!
 write "[",$$FUNC^%TRIM("..a b..","."),"]",!
 write "[",$$FUNC^%TRIM("  a  ",""),"]",!
 quit
