wrstar1 ; WRITE *n and # to a non-terminal
 write *65,*66,*67,!
 write "x after *65: " write *65 write " x=",$x,!
 write "a",*10,"b",!
 write "before#"
 write #
 write "after # x=",$x," y=",$y,!
 write "line",!,#,"x=",$x," y=",$y,!
 write *72,*105,*10
 write "tab:",*9,"x=",$x,!
 quit
